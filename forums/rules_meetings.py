"""Who may see and do what with meetings, papers, minutes and actions."""
