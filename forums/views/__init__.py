"""Views, one module per part of the forums domain; common.py holds what they all share."""
