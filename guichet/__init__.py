"""Guichet: a static-site generator for town-hall procedure portals, built on Pelican."""
