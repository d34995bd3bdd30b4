using McpFleet.Generator.Model;

namespace McpFleet.Generator.Parsing;

/// <summary>
/// A use of a type while a server's schemas are mapped: what <see cref="TypeSpec"/> becomes once the generated types
/// it refers to are shared and named (<see cref="TypeNamer"/>).
/// </summary>
internal sealed class TypeDraft
{
    public TypeDraft(TypeKind kind, bool isNullable, TypeDefinition? definition = null, TypeDraft? item = null, AlternateForms alsoReads = AlternateForms.None, bool acceptsAny = false)
    {
        Kind = kind;
        IsNullable = isNullable;
        DefinitionOrForward = definition;
        Item = item;
        AlsoReads = alsoReads;
        AcceptsAny = acceptsAny;
    }

    public TypeKind Kind { get; }

    public bool IsNullable { get; }

    /// <summary>The generated type, after structural sharing.</summary>
    public TypeDefinition? Definition => DefinitionOrForward?.Resolve();

    public TypeDraft? Item { get; }

    public AlternateForms AlsoReads { get; }

    /// <summary>Whether the schema allows any JSON value (<c>{}</c>), as opposed to a schema without a typed form.</summary>
    public bool AcceptsAny { get; }

    private TypeDefinition? DefinitionOrForward { get; }

    /// <summary>What identifies the type structurally: equal keys, interchangeable types.</summary>
    public string Key
    {
        get
        {
            var key = Kind switch
            {
                TypeKind.List => "l[" + Item!.Key + "]",
                TypeKind.Map => "m[" + Item!.Key + "]",
                TypeKind.Enum or TypeKind.Record or TypeKind.Union or TypeKind.ScalarUnion => "d" + Definition!.Serial,
                _ => ((int)Kind).ToString(System.Globalization.CultureInfo.InvariantCulture),
            };
            return key + (IsNullable ? "?" : "") + (AlsoReads == AlternateForms.None ? "" : "+" + (int)AlsoReads);
        }
    }

    public TypeDraft With(bool? isNullable = null, AlternateForms alsoReads = AlternateForms.None) =>
        new(Kind, isNullable ?? IsNullable, DefinitionOrForward, Item, AlsoReads | alsoReads, AcceptsAny);
}
