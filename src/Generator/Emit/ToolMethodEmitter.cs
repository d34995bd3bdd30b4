using McpFleet.Generator.Model;
using McpFleet.Generator.Naming;

namespace McpFleet.Generator.Emit;

/// <summary>
/// Writes the two methods every tool gets, on a server's proxy and (for a unified tool) on the fleet class: one taking
/// the arguments as parameters (required first, then optional ones defaulting to null), and one taking the arguments
/// record, both with an optional progress receiver before the cancellation token (as the SDK's <c>CallToolAsync</c>), which the first calls and which calls the runtime. Only the first is documented in full; the second
/// inherits its documentation (<c>inheritdoc</c>), so that a fleet of thousands of tools does not compile every
/// tool's documentation twice.
/// </summary>
internal static class ToolMethodEmitter
{
    /// <param name="writer">The writer.</param>
    /// <param name="methodName">The methods' name.</param>
    /// <param name="arguments">The arguments record; its properties are the parameters.</param>
    /// <param name="argumentsNamespace">The namespace of the record and of the types it uses.</param>
    /// <param name="resultType">The result type, qualified.</param>
    /// <param name="call">The runtime call with its target, e.g. <c>_runtime.CallToolAsync</c>.</param>
    /// <param name="descriptor">The tool's or group's descriptor, e.g. <c>Tools.Echo</c>.</param>
    /// <param name="writeDocs">Writes the method's docs, calling back to write the parameters' docs in their place.</param>
    public static void Write(
        SourceWriter writer, string methodName, RecordSpec arguments, string argumentsNamespace, string resultType, string call, string descriptor, Action<Action> writeDocs)
    {
        var returnType = $"{KnownTypes.Task}<{resultType}>";
        var argumentsType = TypeSyntax.Generated(argumentsNamespace, arguments.Name);
        var parameters = arguments.Properties.Where(p => p.IsRequired).Concat(arguments.Properties.Where(p => !p.IsRequired)).ToList();
        var cancellation = $"{KnownTypes.Progress}? progress = null, {KnownTypes.CancellationToken} cancellationToken = default";

        writeDocs(() =>
        {
            foreach (var parameter in parameters)
            {
                DocWriter.Param(writer, parameter.ParameterName!, PropertyDocs.For(parameter, "argument"));
            }
        });
        if (parameters.Count == 0)
        {
            writer.WriteLine($"public {returnType} {methodName}({cancellation}) =>");
            writer.Indent();
            writer.WriteLine($"{methodName}(new {argumentsType}(), progress, cancellationToken);");
            writer.Unindent();
        }
        else
        {
            writer.WriteLine($"public {returnType} {methodName}(");
            writer.Indent();
            foreach (var parameter in parameters)
            {
                var optional = parameter.IsRequired ? "" : " = null";
                writer.WriteLine($"{TypeSyntax.Of(parameter.Type, argumentsNamespace, parameter.IsNullable)} {Identifiers.Escape(parameter.ParameterName!)}{optional},");
            }

            writer.WriteLine($"{KnownTypes.Progress}? progress = null,");
            writer.WriteLine($"{KnownTypes.CancellationToken} cancellationToken = default) =>");
            var assignments = string.Join(", ", arguments.Properties.Select(p => $"{p.Name} = {Identifiers.Escape(p.ParameterName!)}"));
            writer.WriteLine($"{methodName}(new {argumentsType} {{ {assignments} }}, progress, cancellationToken);");
            writer.Unindent();
        }

        writer.WriteLine();
        var documented = string.Join(", ", parameters.Select(p => Cref(TypeSyntax.Of(p.Type, argumentsNamespace, p.IsNullable))).Append(Cref(KnownTypes.Progress)).Append(KnownTypes.CancellationToken));
        writer.WriteLine($"/// <inheritdoc cref=\"{methodName}({documented})\"/>");

        // Parameters the documented method lacks need their own tags, and then every parameter does (CS1573).
        DocWriter.Param(writer, "arguments", "The tool's arguments.");
        DocWriter.Param(writer, "progress", ToolDocs.Progress);
        DocWriter.Param(writer, "cancellationToken", ToolDocs.CancellationToken);
        writer.WriteLine($"public {returnType} {methodName}({argumentsType} arguments, {cancellation}) =>");
        writer.Indent();
        writer.WriteLine($"{call}<{argumentsType}, {resultType}>({descriptor}, arguments, progress, cancellationToken);");
        writer.Unindent();
    }

    /// <summary>A type as a <c>cref</c> writes it: type arguments in braces, <c>IReadOnlyList{string}</c>.</summary>
    private static string Cref(string type) => type.Replace('<', '{').Replace('>', '}');

    /// <summary>The C# type of a tool's result.</summary>
    public static string ResultType(ToolResultKind kind, string? resultName, string ns) => kind switch
    {
        ToolResultKind.Typed => TypeSyntax.Generated(ns, resultName!),
        ToolResultKind.Json => KnownTypes.JsonToolResult,
        _ => KnownTypes.TextToolResult,
    };
}
