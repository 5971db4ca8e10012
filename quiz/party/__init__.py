"""Party mode: phones answer over the local network; the terminal is the big screen."""
