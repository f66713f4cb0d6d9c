"""Widgets of the facilitator's app: timer, stepper, owner banner, lens chip, capture widgets."""
