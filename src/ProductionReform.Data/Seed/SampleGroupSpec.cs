using ProductionReform.Domain;

namespace ProductionReform.Data.Seed;

public sealed record SampleGroupSpec(string Program, int Count, string NamePrefix, string NameEnPrefix, string Industry,
    ConstructionQualification? ConstructionQualification, int EmployeeBase, int EmployeeStep, int EmployeeSpread,
    string Description, string DescriptionEn);
