namespace ProductionReform.Domain;

/// <summary>The kinds of relation a researcher can follow between registry records.</summary>
public enum LinkKind
{
    /// <summary>Enterprise → region where it is located.</summary>
    LocatedIn,
    /// <summary>Region → parent region; industry → parent industry.</summary>
    PartOf,
    /// <summary>A record → the industry it belongs to.</summary>
    InIndustry,
    /// <summary>Enterprise → innovation studio it runs.</summary>
    Hosts,
    /// <summary>Studio or scheme → the one its example led to.</summary>
    Inspired,
    /// <summary>Enterprise or region → skill standard it issued.</summary>
    Issued,
    /// <summary>Innovation studio → standard or guide it wrote.</summary>
    Produced,
    /// <summary>Skill standard → occupation it covers.</summary>
    Covers,
    /// <summary>Enterprise → pilot program it is enrolled in.</summary>
    EnrolledIn,
    /// <summary>Enterprise → reform measure it adopted as a pilot.</summary>
    Adopted,
    /// <summary>Policy document → reform measure it sets out.</summary>
    SetsOut,
    /// <summary>Policy document → pilot program it serves.</summary>
    Governs,
    /// <summary>Enterprise → training system it runs.</summary>
    HasProgram,
    /// <summary>Enterprise → practice case of it.</summary>
    HasCase,
    /// <summary>Indicator → one of its reported values.</summary>
    HasValue,
    /// <summary>Indicator value → region it reports on.</summary>
    ReportsOn,
    /// <summary>A record → citation that states its facts.</summary>
    Cites,
    /// <summary>Citation → source it quotes.</summary>
    Quotes,
}
