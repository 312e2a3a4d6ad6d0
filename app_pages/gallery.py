from gallery.webapp.gallery_page import gallery_page
from gallery.webapp.state import current_data

gallery_page(current_data())
