#if !NET9_0_OR_GREATER
namespace System.Threading;

/// <summary>
/// .NET 9's <c>System.Threading.Lock</c> for the net8.0 build, on a monitor. The compiler lowers <c>lock</c> on a value of
/// this type to <see cref="EnterScope"/>, so the code reads the same on both targets.
/// </summary>
internal sealed class Lock
{
    private readonly object _monitor = new();

    public Scope EnterScope()
    {
        Monitor.Enter(_monitor);
        return new Scope(_monitor);
    }

    public readonly ref struct Scope(object monitor)
    {
        public void Dispose() => Monitor.Exit(monitor);
    }
}
#endif
