using System.Collections.Immutable;
using McpFleet.Generator.Diagnostics;
using McpFleet.Generator.Model;
using McpFleet.Generator.Naming;

namespace McpFleet.Generator.Fleet;

/// <summary>
/// Gives every tool of the fleet its model-facing name (see <see cref="ModelToolNames"/>) and checks that the names
/// are unique: a name taken by an earlier tool (in ordinal order of server, then tool) is reported and left out, so
/// the generated table can always be looked up by name.
/// </summary>
internal static class ModelNameResolver
{
    public static ModelNameTable Resolve(ImmutableArray<ServerSpec> servers, FleetClassSpec fleet, string separator)
    {
        var names = new List<ModelNameSpec>();
        var diagnostics = new List<DiagnosticInfo>();
        var byName = new Dictionary<string, ModelNameSpec>(StringComparer.Ordinal);
        foreach (var placement in fleet.Servers)
        {
            var server = servers.FirstOrDefault(s => s.FilePath == placement.FilePath && s.Name == placement.Name);
            if (server is null)
            {
                continue;
            }

            var changed = new List<string>();
            foreach (var tool in server.Tools)
            {
                var (name, isChanged) = ModelToolNames.Create(server.Name, tool.WireName, separator);
                if (isChanged)
                {
                    changed.Add($"'{server.Name}{separator}{tool.WireName}' -> '{name}'");
                }

                if (byName.TryGetValue(name, out var first))
                {
                    diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.ModelNameCollision, tool.Location, name, tool.WireName, server.Name, first.ToolName, first.ServerName));
                    continue;
                }

                var spec = new ModelNameSpec(name, server.Name, tool.WireName, placement.Namespace, placement.ClassName, tool.Identifier, isChanged);
                byName.Add(name, spec);
                names.Add(spec);
            }

            if (changed.Count > 0)
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.ModelNameChanged, server.NameLocation, server.Name, string.Join(", ", changed)));
            }
        }

        return new ModelNameTable(fleet.Namespace, fleet.TypeName, fleet.Servers.Count > 0, separator, names.ToEquatableArray(), diagnostics.ToEquatableArray());
    }
}
