"""The Streamlit app's pages and widgets; all drawing goes through gallery.render."""
