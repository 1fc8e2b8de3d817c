using System.Linq.Expressions;
using ProductionReform.Domain;

namespace ProductionReform.Api.Features.Search;

/// <summary>One searched text column: the property (its GraphQL field name is reported as <c>matchedField</c>) and its weight.</summary>
public sealed record SearchColumn(string Property, string Field, double Weight);

/// <summary>One value of <c>SearchableType</c>: the entity it searches and the text columns it looks in.</summary>
public sealed record SearchTarget(string Value, Type ClrType, string Description, IReadOnlyList<SearchColumn> Columns);

/// <summary>
/// THE table of what <c>search</c> looks in: it drives both the <c>SearchableType</c> enum and the SQL.
/// Names and titles (Chinese and English) weigh 1; longer texts (descriptions, summaries, quotes) weigh
/// less, so that within one match kind a hit in a name ranks above a hit in a description.
/// </summary>
public static class SearchTargets
{
    private const double Name = 1.0;
    private const double Text = 0.6;

    public static IReadOnlyList<SearchTarget> All { get; } =
    [
        Target<Enterprise>("ENTERPRISE", "Enterprises 企业: name, nameEn, description, descriptionEn.",
            (x => x.Name, Name), (x => x.NameEn, Name), (x => x.Description, Text), (x => x.DescriptionEn, Text)),
        Target<InnovationStudio>("INNOVATION_STUDIO", "Innovation studios and schemes 创新载体: name, nameEn, description, descriptionEn.",
            (x => x.Name, Name), (x => x.NameEn, Name), (x => x.Description, Text), (x => x.DescriptionEn, Text)),
        Target<SkillStandard>("SKILL_STANDARD", "Skill-rating standards 技能评价标准: title, titleEn.",
            (x => x.Title, Name), (x => x.TitleEn, Name)),
        Target<PolicyDocument>("POLICY_DOCUMENT", "Policy documents 政策文件: title, titleEn.",
            (x => x.Title, Name), (x => x.TitleEn, Name)),
        Target<ReformMeasure>("REFORM_MEASURE", "Reform measures 措施: title, titleEn, description.",
            (x => x.Title, Name), (x => x.TitleEn, Name), (x => x.Description, Text)),
        Target<PilotProgram>("PILOT_PROGRAM", "Pilot programs 试点: name, nameEn.",
            (x => x.Name, Name), (x => x.NameEn, Name)),
        Target<TrainingProgram>("TRAINING_PROGRAM", "Training programs 培训体系: name, nameEn, description.",
            (x => x.Name, Name), (x => x.NameEn, Name), (x => x.Description, Text)),
        Target<PracticeCase>("PRACTICE_CASE", "Practice cases 典型案例: title, titleEn, summary.",
            (x => x.Title, Name), (x => x.TitleEn, Name), (x => x.Summary, Text)),
        Target<Indicator>("INDICATOR", "Indicators 指标: name, nameEn.",
            (x => x.Name, Name), (x => x.NameEn, Name)),
        Target<Region>("REGION", "Regions 区域: name, nameEn.",
            (x => x.Name, Name), (x => x.NameEn, Name)),
        Target<Industry>("INDUSTRY", "Industries 行业: name, nameEn.",
            (x => x.Name, Name), (x => x.NameEn, Name)),
        Target<Occupation>("OCCUPATION", "Occupations, posts and job types 职业/岗位/工种: name, nameEn.",
            (x => x.Name, Name), (x => x.NameEn, Name)),
        Target<Citation>("CITATION", "Citations 引用: the quote 原文.",
            (x => x.Quote, Text)),
    ];

    public static SearchTarget? Find(string value) => All.FirstOrDefault(t => t.Value == value);

    private static SearchTarget Target<T>(string value, string description, params (Expression<Func<T, string?>> Member, double Weight)[] columns)
    {
        var list = columns.Select(c =>
        {
            var property = ((MemberExpression)c.Member.Body).Member.Name;
            return new SearchColumn(property, char.ToLowerInvariant(property[0]) + property[1..], c.Weight);
        }).ToList();
        return new SearchTarget(value, typeof(T), description, list);
    }
}
