from gallery.webapp.compare_page import compare_page
from gallery.webapp.state import current_data

compare_page(current_data())
