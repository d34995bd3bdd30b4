using McpFleet.SampleServer.Files;
using McpFleet.SampleServer.Tools;
using ModelContextProtocol;

namespace McpFleet.SampleServer.Tests;

public sealed class ConfinedDirectoryTests : IDisposable
{
    private readonly TemporaryDirectory _temp = new();
    private readonly string _root;
    private readonly string _outside;

    public ConfinedDirectoryTests()
    {
        _root = Directory.CreateDirectory(_temp.Combine("root")).FullName;
        _outside = Directory.CreateDirectory(_temp.Combine("outside")).FullName;
        Directory.CreateDirectory(Path.Join(_root, "sub", "deeper"));
        File.WriteAllText(Path.Join(_root, "sub", "b.txt"), "12345");
        File.WriteAllText(Path.Join(_root, "a.txt"), "1");
        File.WriteAllText(Path.Join(_outside, "secret.txt"), "secret");
    }

    public void Dispose() => _temp.Dispose();

    [Theory]
    [InlineData(".", ".")]
    [InlineData("", ".")]
    [InlineData("sub", "sub")]
    [InlineData("sub/", "sub")]
    [InlineData("sub/deeper/..", "sub")]
    [InlineData("./sub/../sub/deeper", "sub/deeper")]
    public void Paths_inside_the_root_resolve(string path, string relative)
    {
        ConfinedDirectory root = new(_root);

        Assert.Equal(relative, root.GetRelativePath(root.ResolveDirectory(path)));
    }

    [Fact]
    public void An_absolute_path_inside_the_root_resolves()
    {
        ConfinedDirectory root = new(_root);

        Assert.Equal("sub", root.GetRelativePath(root.ResolveDirectory(Path.Join(_root, "sub"))));
    }

    [Theory]
    [InlineData("..")]
    [InlineData("../outside")]
    [InlineData("sub/../../outside")]
    public void Dot_dot_escapes_are_refused(string path)
    {
        UnauthorizedAccessException exception = Assert.Throws<UnauthorizedAccessException>(() => new ConfinedDirectory(_root).ResolveDirectory(path));

        Assert.Equal($"Path '{path}' is outside the root directory.", exception.Message);
    }

    [Fact]
    public void An_absolute_path_outside_the_root_is_refused() => Assert.Throws<UnauthorizedAccessException>(() => new ConfinedDirectory(_root).ResolveDirectory(_outside));

    [Fact]
    public void A_sibling_whose_name_starts_like_the_root_is_outside_it()
    {
        var sibling = Directory.CreateDirectory(_root + "-sibling").FullName;

        Assert.Throws<UnauthorizedAccessException>(() => new ConfinedDirectory(_root).ResolveDirectory(sibling));
    }

    [Fact]
    public void A_symbolic_link_to_outside_is_refused()
    {
        Directory.CreateSymbolicLink(Path.Join(_root, "escape"), _outside);

        UnauthorizedAccessException exception = Assert.Throws<UnauthorizedAccessException>(() => new ConfinedDirectory(_root).ResolveDirectory("escape"));

        Assert.Equal("Path 'escape' leads through a symbolic link to outside the root directory.", exception.Message);
    }

    [Fact]
    public void A_relative_symbolic_link_to_outside_is_refused_even_deeper_down()
    {
        Directory.CreateSymbolicLink(Path.Join(_root, "sub", "up"), Path.Join("..", "..", "outside"));

        Assert.Throws<UnauthorizedAccessException>(() => new ConfinedDirectory(_root).ResolveDirectory("sub/up"));
    }

    [Fact]
    public void A_link_chain_that_ends_outside_is_refused()
    {
        // inside -> hop -> outside: each link alone looks harmless to a check of the first target only.
        Directory.CreateSymbolicLink(Path.Join(_root, "hop"), _outside);
        Directory.CreateSymbolicLink(Path.Join(_root, "sub", "inside"), Path.Join(_root, "hop"));

        Assert.Throws<UnauthorizedAccessException>(() => new ConfinedDirectory(_root).ResolveDirectory("sub/inside"));
    }

    [Fact]
    public void A_symbolic_link_that_stays_inside_resolves()
    {
        Directory.CreateSymbolicLink(Path.Join(_root, "alias"), Path.Join(_root, "sub", "deeper"));

        ConfinedDirectory root = new(_root);

        Assert.Equal("sub/deeper", root.GetRelativePath(root.ResolveDirectory("alias")));
    }

    [Fact]
    public void A_root_reached_through_a_symbolic_link_still_confines()
    {
        var link = _temp.Combine("root-link");
        Directory.CreateSymbolicLink(link, _root);

        ConfinedDirectory root = new(link);

        Assert.Equal("sub", root.GetRelativePath(root.ResolveDirectory("sub")));
        Assert.Throws<UnauthorizedAccessException>(() => root.ResolveDirectory("../outside"));
    }

    [Fact]
    public void A_link_cycle_is_an_error_rather_than_a_hang()
    {
        Directory.CreateSymbolicLink(Path.Join(_root, "loop-a"), Path.Join(_root, "loop-b"));
        Directory.CreateSymbolicLink(Path.Join(_root, "loop-b"), Path.Join(_root, "loop-a"));

        Assert.Throws<IOException>(() => new ConfinedDirectory(_root).ResolveDirectory("loop-a"));
    }

    [Theory]
    [InlineData("missing")]
    [InlineData("a.txt")]
    public void Something_that_is_not_a_directory_is_refused(string path) => Assert.Throws<DirectoryNotFoundException>(() => new ConfinedDirectory(_root).ResolveDirectory(path));

    [Fact]
    public void The_tool_lists_entries_sorted_with_file_sizes()
    {
        ListFilesTool.Listing listing = new ListFilesTool(new ConfinedDirectory(_root)).List(".");

        Assert.Equal(".", listing.Path);
        Assert.Equal(
            [new ListFilesTool.Entry("a.txt", "file", 1), new ListFilesTool.Entry("sub", "directory")],
            listing.Entries);
    }

    [Fact]
    public void The_tool_reports_a_refused_path_as_a_tool_error()
    {
        McpException exception = Assert.Throws<McpException>(() => new ListFilesTool(new ConfinedDirectory(_root)).List("../outside"));

        Assert.Equal("Path '../outside' is outside the root directory.", exception.Message);
    }
}
