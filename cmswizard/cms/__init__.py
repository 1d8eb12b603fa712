"""CMS knowledge: services and their certificate rules, the deployment model, the MMP sheet, the DB cluster."""
