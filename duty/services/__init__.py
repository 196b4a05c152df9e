"""Every write of the duty app; one function per transition."""
