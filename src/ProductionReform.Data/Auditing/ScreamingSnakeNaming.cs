using System.Text.Json;

namespace ProductionReform.Data.Auditing;

internal sealed class ScreamingSnakeNaming : JsonNamingPolicy
{
    public override string ConvertName(string name) => EnumNames.ToScreamingSnake(name);
}
