"""The Streamlit page's parts (these modules import streamlit; the rest of drafter.view does not).

app.py wires them; every action goes through the one DrafterService via drafter.view.actions.
"""
