using System.Buffers;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using McpFleet.Tools;
using Microsoft.Extensions.AI;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;

namespace McpFleet.AI;

/// <summary>What a model is given back from a tool call, and how its arguments become a request.</summary>
internal static class ModelToolResult
{
    private static readonly JsonTypeInfo<CallToolResult> s_resultType = (JsonTypeInfo<CallToolResult>)McpJsonUtilities.DefaultOptions.GetTypeInfo(typeof(CallToolResult));

    /// <summary>
    /// A successful result as the MCP SDK's <c>McpClientTool</c> gives it: one content block as <see cref="AIContent"/>,
    /// several as an array, and the whole result as JSON when it has structured content.
    /// </summary>
    public static object Success(CallToolResult result, JsonSerializerOptions options)
    {
        if (result.StructuredContent is null)
        {
            var contents = result.Content.Select(block => block.ToAIContent(options)).ToArray();
            if (contents.Length > 0 && contents.All(content => content is not null))
            {
                return contents.Length == 1 ? contents[0]! : contents!;
            }
        }

        return JsonSerializer.SerializeToElement(result, s_resultType);
    }

    /// <summary>A tool error as data the model can read and act on: the result as the server sent it, with the server and tool named.</summary>
    public static JsonElement Error(ToolException error, CallToolResult? result)
    {
        var data = new JsonObject
        {
            ["isError"] = true,
            ["server"] = error.ServerName,
            ["tool"] = error.ToolName,
        };
        if (result is not null && JsonSerializer.SerializeToNode(result, s_resultType) is JsonObject sent)
        {
            foreach (var (name, value) in sent.ToArray())
            {
                if (name is not ("isError" or "server" or "tool"))
                {
                    sent.Remove(name);
                    data[name] = value;
                }
            }
        }
        else
        {
            data["content"] = new JsonArray(new JsonObject { ["type"] = "text", ["text"] = error.Message });
        }

        return JsonSerializer.SerializeToElement(data, (JsonTypeInfo<JsonObject>)McpJsonUtilities.DefaultOptions.GetTypeInfo(typeof(JsonObject)));
    }

    /// <summary>The model's arguments as the JSON object the tool's schema describes.</summary>
    public static JsonToolArguments Arguments(AIFunctionArguments arguments, JsonSerializerOptions options)
    {
        var buffer = new ArrayBufferWriter<byte>();
        var valueType = options.GetTypeInfo(typeof(object));
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            foreach (var (name, value) in arguments)
            {
                writer.WritePropertyName(name);
                JsonSerializer.Serialize(writer, value, valueType);
            }

            writer.WriteEndObject();
        }

        var reader = new Utf8JsonReader(buffer.WrittenSpan);
        return new JsonToolArguments(JsonElement.ParseValue(ref reader));
    }
}
