namespace ProductionReform.Domain;

public enum AuditOperation { Create, Update, Delete }
