"""What trainers use: methods compared side by side, the advisor, and demo meetings."""
