using System.Net;
using System.Net.Sockets;

namespace HccPathway.Testing;

/// <summary>
/// A loopback TCP forwarder in front of a real server. Closing it drops every connection and refuses new ones, the
/// way a broker outage looks to a client, without stopping the server other tests share.
/// </summary>
public sealed class TcpGate : IAsyncDisposable
{
    private readonly TcpListener listener = new(IPAddress.Loopback, 0);
    private readonly string targetHost;
    private readonly int targetPort;
    private readonly CancellationTokenSource stopping = new();
    private readonly List<TcpClient> open = [];
    private readonly Lock gate = new();
    private bool isOpen = true;

    public TcpGate(string targetHost, int targetPort)
    {
        this.targetHost = targetHost;
        this.targetPort = targetPort;
        listener.Start();
        _ = AcceptLoop();
    }

    public int Port => ((IPEndPoint)listener.LocalEndpoint).Port;

    /// <summary>The same URI, pointed at this gate.</summary>
    public Uri Redirect(Uri uri) => new UriBuilder(uri) { Host = "127.0.0.1", Port = Port }.Uri;

    public void Close()
    {
        lock (gate)
        {
            isOpen = false;
            foreach (var client in open)
            {
                Reset(client);
            }

            open.Clear();
        }
    }

    public void Open()
    {
        lock (gate)
        {
            isOpen = true;
        }
    }

    private async Task AcceptLoop()
    {
        while (!stopping.IsCancellationRequested)
        {
            TcpClient inbound;
            try
            {
                inbound = await listener.AcceptTcpClientAsync(stopping.Token);
            }
            catch (Exception) when (stopping.IsCancellationRequested)
            {
                return;
            }

            _ = Pipe(inbound);
        }
    }

    private async Task Pipe(TcpClient inbound)
    {
        lock (gate)
        {
            if (!isOpen)
            {
                Reset(inbound);
                return;
            }

            open.Add(inbound);
        }

        var outbound = new TcpClient();
        try
        {
            await outbound.ConnectAsync(targetHost, targetPort, stopping.Token);
            lock (gate)
            {
                open.Add(outbound);
            }

            using var cancel = CancellationTokenSource.CreateLinkedTokenSource(stopping.Token);
            var a = inbound.GetStream().CopyToAsync(outbound.GetStream(), cancel.Token);
            var b = outbound.GetStream().CopyToAsync(inbound.GetStream(), cancel.Token);
            await Task.WhenAny(a, b);
            await cancel.CancelAsync();
        }
        catch (Exception ex) when (ex is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
        {
            // A dropped connection is what the gate is for.
        }
        finally
        {
            inbound.Dispose();
            outbound.Dispose();
        }
    }

    // A reset, not a polite close: the client sees the connection die, as in a real outage.
    private static void Reset(TcpClient client)
    {
        try
        {
            client.Client?.Close(0);
        }
        catch (ObjectDisposedException)
        {
            // Already gone.
        }

        client.Dispose();
    }

    public ValueTask DisposeAsync()
    {
        stopping.Cancel();
        listener.Stop();
        Close();
        stopping.Dispose();
        return ValueTask.CompletedTask;
    }
}
