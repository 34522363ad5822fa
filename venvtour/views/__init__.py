"""Rendering: every action result becomes a rich renderable. Views read results; they never run anything."""
