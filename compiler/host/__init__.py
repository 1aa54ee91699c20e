"""The plugin host: the hook specifications, the pluggy manager that loads entry points and local plugin
files, the entry-point cache and the watchdog that bounds a plugin's time.

``hookspecs`` is the contract with plugins: every hook, documented.
"""
