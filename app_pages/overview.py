from gallery.webapp.overview_page import overview_page
from gallery.webapp.state import current_data

overview_page(current_data())
