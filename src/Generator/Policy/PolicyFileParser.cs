using System.Globalization;
using McpFleet.Generator.Diagnostics;
using McpFleet.Generator.Json;
using McpFleet.Generator.Model;
using McpFleet.Generator.Parsing;

namespace McpFleet.Generator.Policy;

/// <summary>
/// Reads <c>mcpfleet.json</c> (see schemas/mcpfleet-policy.schema.json) into a <see cref="PolicyDraft"/>. Every
/// problem is reported where it is written and costs only the setting it concerns: the rest of the policy applies.
/// </summary>
internal sealed class PolicyFileParser
{
    private const string RuleExample = "{ \"strategy\": \"prefer\", \"server\": \"alpha\" }";

    private readonly string _path;
    private readonly string _origin;
    private readonly PolicyDraft _draft;

    private PolicyFileParser(string path, PolicyDraft draft)
    {
        _path = path;
        _origin = $"'{Path.GetFileName(path)}'";
        _draft = draft;
    }

    public static void Parse(PolicyFile file, PolicyDraft draft)
    {
        if (file.Text is null)
        {
            if (file.ReadFailure is { } failure)
            {
                draft.Diagnostics.Add(failure);
            }

            return;
        }

        new PolicyFileParser(file.Path, draft).Parse(file.Text);
    }

    private void Parse(string text)
    {
        var parsed = JsonParser.Parse(text);
        if (parsed.Error is { } error)
        {
            Report(new SourceLocation(_path, error.Span, error.LineSpan), $"the file is not valid JSON: {error.Message}", "the policy file is ignored");
            return;
        }

        if (parsed.Root is not JsonObject root)
        {
            Report(parsed.Root!, "the top-level value must be a JSON object", "the policy file is ignored");
            return;
        }

        _draft.Sources.Add(Path.GetFileName(_path));
        foreach (var property in root.Properties)
        {
            switch (property.Name)
            {
                case "$schema":
                    break;
                case "defaults":
                    _draft.Default = ReadRule(property.Value, "defaults", null, AtName(property)) ?? _draft.Default;
                    break;
                case "servers":
                    ReadServers(property.Value);
                    break;
                case "tools":
                    ReadTools(property.Value);
                    break;
                case "modelNames":
                    ReadModelNames(property.Value);
                    break;
                default:
                    ReportUnknown(property, "defaults, servers, tools or modelNames");
                    break;
            }
        }
    }

    private void ReadTools(JsonNode node)
    {
        if (node is not JsonObject tools)
        {
            Report(node, "tools must be an object that maps tool names to rules", "no tool rule of the file applies");
            return;
        }

        foreach (var tool in tools.Properties)
        {
            if (ReadRule(tool.Value, JsonPaths.Member("tools", tool.Name), tool.Name, AtName(tool)) is { } rule)
            {
                _draft.ToolRules[tool.Name] = rule;
            }
        }
    }

    /// <summary>Reads <c>{ "strategy": …, "server": … }</c>; <see langword="null"/> when the rule is unusable.</summary>
    private PolicyRuleSpec? ReadRule(JsonNode node, string path, string? toolName, SourceLocation location)
    {
        var ignored = toolName is null ? "the default strategy is ignored" : $"the rule for tool '{toolName}' is ignored";
        if (node is not JsonObject rule)
        {
            Report(node, $"{path} must be an object such as {RuleExample}", ignored);
            return null;
        }

        foreach (var property in rule.Properties.Where(p => p.Name is not ("strategy" or "server")))
        {
            ReportUnknown(property, "strategy or server");
        }

        var strategyNode = rule.GetValueOrNull("strategy");
        if (strategyNode is not JsonString strategyName)
        {
            Report(strategyNode ?? rule, $"{JsonPaths.Member(path, "strategy")} must be a string, one of {StrategyNames.List}", ignored);
            return null;
        }

        if (!StrategyNames.TryParse(strategyName.Value, out var strategy))
        {
            Report(strategyName, $"'{strategyName.Value}' is not a strategy; use one of {StrategyNames.List}", ignored);
            return null;
        }

        var serverNode = rule.GetValueOrNull("server");
        if (serverNode is not (null or JsonString { Value.Length: > 0 }))
        {
            Report(serverNode, $"{JsonPaths.Member(path, "server")} must be a server's name", ignored);
            return null;
        }

        var server = serverNode as JsonString;
        if (strategy == ResolutionStrategy.Prefer && server is null)
        {
            Report(rule, $"{path} uses 'prefer' but names no \"server\" to prefer", ignored);
            return null;
        }

        if (strategy != ResolutionStrategy.Prefer && server is not null)
        {
            Report(server, $"{JsonPaths.Member(path, "server")} applies only to the 'prefer' strategy", "it is ignored");
            server = null;
        }

        return new PolicyRuleSpec(toolName, strategy, server?.Value, _origin, location, server is null ? null : At(server));
    }

    private void ReadServers(JsonNode node)
    {
        if (node is not JsonObject servers)
        {
            Report(node, "servers must be an object that maps server names to { \"priority\": number, \"replicaOf\": \"server\" }", "no server setting of the file applies");
            return;
        }

        foreach (var server in servers.Properties)
        {
            var path = JsonPaths.Member("servers", server.Name);
            if (server.Value is not JsonObject settings)
            {
                Report(server.Value, $"{path} must be an object such as {{ \"priority\": 10 }} or {{ \"replicaOf\": \"alpha\" }}", "the server's settings are ignored");
                continue;
            }

            foreach (var property in settings.Properties)
            {
                switch (property.Name)
                {
                    case "priority":
                        ReadPriority(server, property.Value, JsonPaths.Member(path, "priority"));
                        break;
                    case "replicaOf":
                        ReadReplicaOf(server, property.Value, JsonPaths.Member(path, "replicaOf"));
                        break;
                    default:
                        ReportUnknown(property, "priority or replicaOf");
                        break;
                }
            }
        }
    }

    private void ReadPriority(JsonProperty server, JsonNode priority, string path)
    {
        if (priority is JsonNumber number
            && double.TryParse(number.Text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
            && !double.IsInfinity(value))
        {
            _draft.Priorities[server.Name] = new ServerPrioritySpec(server.Name, value, _origin, AtName(server));
            return;
        }

        Report(priority, $"{path} must be a number, not {CompactJson.Write(priority)}", "the server has no priority");
    }

    private void ReadReplicaOf(JsonProperty server, JsonNode replicaOf, string path)
    {
        if (replicaOf is JsonString { Value.Length: > 0 } name)
        {
            _draft.Replicas[server.Name] = new ReplicaDeclarationSpec(server.Name, name.Value, _origin, At(name));
            return;
        }

        Report(replicaOf, $"{path} must be the name of another server of the fleet, not {CompactJson.Write(replicaOf)}", "the server is not declared a replica");
    }

    private void ReadModelNames(JsonNode node)
    {
        if (node is not JsonObject modelNames)
        {
            Report(node, "modelNames must be an object such as { \"separator\": \"__\" }", "the default separator '__' is used");
            return;
        }

        foreach (var property in modelNames.Properties)
        {
            if (property.Name != "separator")
            {
                ReportUnknown(property, "separator");
            }
            else if (property.Value is JsonString separator)
            {
                _draft.Separator = (separator.Value, _origin, At(separator));
            }
            else
            {
                Report(property.Value, "modelNames.separator must be a string", "the default separator '__' is used");
            }
        }
    }

    private void ReportUnknown(JsonProperty property, string expected) =>
        Report(AtName(property), $"'{property.Name}' is not a setting here (expected {expected})", "it is ignored");

    private void Report(JsonNode node, string problem, string consequence) => Report(At(node), problem, consequence);

    private void Report(SourceLocation location, string problem, string consequence) =>
        _draft.Diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidPolicy, location, _origin, problem, consequence));

    private SourceLocation At(JsonNode node) => new(_path, node.Span, node.LineSpan);

    private SourceLocation AtName(JsonProperty property) => new(_path, property.NameSpan, property.NameLineSpan);
}
