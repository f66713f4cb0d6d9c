"""What a meeting leaves behind: round reports, certificates, attendance, the hours ledger,
rule profiles, and the exporters that render them.
"""
