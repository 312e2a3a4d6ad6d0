from gallery.webapp.scale_page import scale_page

scale_page()
