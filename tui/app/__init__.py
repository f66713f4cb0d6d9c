"""The facilitator's Textual app: its screens, widgets, the home catalog and the demo player."""
