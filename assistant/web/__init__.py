"""The Gradio app: the main tabs (app), rendering (render), sign-in and uploads (gate), and the
horizon-scan, decision and status tabs."""
