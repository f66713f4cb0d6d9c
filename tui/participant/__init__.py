"""The participant's app for online meetings: a small Textual app served by `intervisie serve`.

Each browser tab runs one process of it. Its first screen asks for a join code; the code
says which member of which meeting this tab is, and from then on the tab shows that meeting
only, as that member may see it, and captures only what that member may add now.
"""
