using System.Text.Json.Nodes;

namespace McpFleet.Generator.Tests.Infrastructure;

/// <summary>
/// Random, seeded tool definitions built to break a generator: every schema construct, malformed ones, nesting,
/// unions of unions, references (missing, recursive), and names that are C# keywords, members every record has,
/// numbers, punctuation, other scripts, or equal but for case.
/// </summary>
internal sealed class AdversarialSchemas(int seed)
{
    private static readonly string[] s_names =
    [
        "class", "int", "value", "Value", "type", "Type", "ToString", "Equals", "Clone", "EqualityContract", "WriteTo", "Read",
        "RawResult", "AdditionalProperties", "Unknown", "String", "Integer", "cancellationToken", "tool", "writer", "item",
        "entry", "obj", "content", "2fa", "+1", "-1", "reactions-+1", "reactions--1", "15m", "1.5", "a-b", "a_b", "A_B", "日本",
        "\u00e9t\u00e9", "x\"y", "back\\slash", "new\nline", "", " ", "$ref", "@odata", "__proto__", "null", "true",
    ];

    private static readonly string[] s_types = ["string", "integer", "number", "boolean", "array", "object", "null", "nubmer"];

    private readonly Random _random = new(seed);

    /// <summary>A <c>tools</c> array of one to three tools.</summary>
    public string Tools()
    {
        var tools = new JsonArray();
        var count = _random.Next(1, 4);
        for (var i = 0; i < count; i++)
        {
            var tool = new JsonObject
            {
                ["name"] = Name() + (_random.Next(3) == 0 ? "" : i.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                ["description"] = _random.Next(4) == 0 ? new string('\n', _random.Next(1, 50)) + "</summary> <!-- */" : "Tool.",
                ["inputSchema"] = Root(),
            };
            if (_random.Next(2) == 0)
            {
                tool["outputSchema"] = Root();
            }

            tools.Add(tool);
        }

        return tools.ToJsonString();
    }

    private JsonObject Root()
    {
        var definitions = new JsonObject();
        var defNames = Enumerable.Range(0, _random.Next(0, 4)).Select(_ => Name()).Distinct(StringComparer.Ordinal).ToList();
        var root = Object(depth: 0, defNames);
        foreach (var name in defNames)
        {
            definitions[name] = Schema(depth: 1, defNames);
        }

        if (defNames.Count > 0)
        {
            root[_random.Next(2) == 0 ? "$defs" : "definitions"] = definitions;
        }

        if (_random.Next(6) == 0)
        {
            root[_random.Next(2) == 0 ? "oneOf" : "anyOf"] = new JsonArray(Object(1, defNames), Object(1, defNames));
        }

        return root;
    }

    private JsonObject Object(int depth, List<string> defs)
    {
        var properties = new JsonObject();
        var required = new JsonArray();
        foreach (var name in Enumerable.Range(0, _random.Next(0, 5)).Select(_ => Name()).Distinct(StringComparer.Ordinal))
        {
            properties[name] = Schema(depth + 1, defs);
            if (_random.Next(2) == 0)
            {
                required.Add(name);
            }
        }

        var obj = new JsonObject { ["type"] = "object", ["properties"] = properties, ["required"] = required };
        switch (_random.Next(4))
        {
            case 0:
                obj["additionalProperties"] = false;
                break;
            case 1:
                obj["additionalProperties"] = Schema(depth + 1, defs);
                break;
        }

        return obj;
    }

    private JsonNode Schema(int depth, List<string> defs)
    {
        if (depth > 6)
        {
            return new JsonObject { ["type"] = "string" };
        }

        switch (_random.Next(20))
        {
            case 0:
                return JsonValue.Create(_random.Next(2) == 0);
            case 1:
                return new JsonObject { ["description"] = "Anything." };
            case 2:
                return new JsonObject { ["type"] = "string", ["enum"] = new JsonArray(Enumerable.Range(0, _random.Next(0, 6)).Select(_ => (JsonNode?)(_random.Next(8) == 0 ? null : Name())).ToArray()) };
            case 3:
                return new JsonObject { ["type"] = new JsonArray(s_types.OrderBy(_ => _random.Next()).Take(_random.Next(1, 4)).Select(t => (JsonNode?)t).ToArray()) };
            case 4 or 5:
                return Object(depth, defs);
            case 6:
                return new JsonObject { ["type"] = "object", ["additionalProperties"] = Schema(depth + 1, defs) };
            case 7:
                return new JsonObject { ["type"] = "array", ["items"] = Schema(depth + 1, defs) };
            case 8:
                return new JsonObject { ["type"] = "array", ["prefixItems"] = new JsonArray(Schema(depth + 1, defs), Schema(depth + 1, defs)) };
            case 9 or 10:
                return new JsonObject { [_random.Next(2) == 0 ? "anyOf" : "oneOf"] = Branches(depth, defs) };
            case 11:
                return new JsonObject { ["allOf"] = Branches(depth, defs) };
            case 12 or 13:
                return new JsonObject { ["$ref"] = defs.Count > 0 && _random.Next(5) > 0 ? "#/$defs/" + Escape(defs[_random.Next(defs.Count)]) : _random.Next(2) == 0 ? "#" : "#/nowhere" };
            case 14:
                return new JsonObject { ["const"] = _random.Next(3) switch { 0 => Name(), 1 => 3, _ => true } };
            case 15:
                return new JsonObject { ["type"] = s_types[_random.Next(s_types.Length)], ["nullable"] = true };
            case 16:
                // Malformed: what a buggy server might send.
                return _random.Next(4) switch
                {
                    0 => new JsonObject { ["type"] = 3 },
                    1 => new JsonObject { ["type"] = "object", ["properties"] = "none" },
                    2 => new JsonObject { ["type"] = "object", ["properties"] = new JsonObject { ["a"] = 1 }, ["required"] = "a" },
                    _ => new JsonObject { ["anyOf"] = new JsonArray() },
                };
            case 17:
                return new JsonObject { ["type"] = "object", ["properties"] = new JsonObject { ["kind"] = new JsonObject { ["const"] = Name() } }, ["oneOf"] = Branches(depth, defs) };
            default:
                return new JsonObject { ["type"] = s_types[_random.Next(s_types.Length - 1)], ["description"] = Name() };
        }
    }

    private JsonArray Branches(int depth, List<string> defs)
    {
        var branches = new JsonArray();
        for (var i = _random.Next(1, 5); i > 0; i--)
        {
            branches.Add(_random.Next(5) == 0 ? new JsonObject { ["type"] = "null" } : Schema(depth + 1, defs));
        }

        return branches;
    }

    private string Name() => _random.Next(3) == 0
        ? new string(Enumerable.Range(0, _random.Next(1, 12)).Select(_ => (char)_random.Next(0x21, 0x7F)).ToArray())
        : s_names[_random.Next(s_names.Length)];

    private static string Escape(string name) => Uri.EscapeDataString(name.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal));
}
