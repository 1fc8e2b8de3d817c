global using System.Text.Json.Nodes;
global using ProductionReform.Api.Tests.Infrastructure;
