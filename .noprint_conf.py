from pelicanconf import *
PLUGINS = [p for p in PLUGINS if p != 'print']
