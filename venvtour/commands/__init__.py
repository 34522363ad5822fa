"""The CLI's commands, one module per area; each module adds its commands with ``register(app)``."""
