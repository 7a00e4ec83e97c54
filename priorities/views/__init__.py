"""Views of the priorities app: workspace.py (plans), registers.py (tensions, risks),
consultations.py (workspace and public consultation pages), evaluations.py, public.py."""
