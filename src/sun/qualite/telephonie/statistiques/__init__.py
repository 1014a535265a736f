"""Telephone figures: periods, masking, the dashboards of the services, their charts."""
