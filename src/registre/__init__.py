"""Registre: le registre des délibérations et les conventions de subvention."""
