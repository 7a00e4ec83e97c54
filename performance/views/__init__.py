"""Views of the performance app: public pages, open data and the workspace."""
