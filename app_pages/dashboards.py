from gallery.webapp.dashboards_page import dashboards_page

dashboards_page()
