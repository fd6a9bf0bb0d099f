"""The scenarios shipped with Crisis Wargame (YAML files read as package resources)."""
