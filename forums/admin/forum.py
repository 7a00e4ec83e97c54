"""Admin for forums, memberships and invitations."""
