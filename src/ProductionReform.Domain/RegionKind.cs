using System.ComponentModel;

namespace ProductionReform.Domain;

public enum RegionKind
{
    City, District, CountyLevelCity, County, DevelopmentZone, Township, Subdistrict, IndustrialPark,

    [Description("An area made of several divisions, without a division code of its own (市区, the urban districts).")]
    AggregateArea,
}
