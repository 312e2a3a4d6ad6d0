from gallery.webapp.landscape_page import landscape_page

landscape_page()
