using System.Collections;
using System.Globalization;
using System.Linq.Expressions;
using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using ProductionReform.Data;
using ProductionReform.GraphQL.Data.Model;

namespace ProductionReform.Interchange.Import;

/// <summary>
/// A column the export writes that import accepts and ignores: <c>id</c>, <c>version</c>, relations held by the other side.
/// </summary>
public sealed class IgnoredColumn(string name) : ImportColumn(name);
