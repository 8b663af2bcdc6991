using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Reflection;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Xent.Explorer.Components;

namespace Xent.Explorer;

/// <summary>
/// The web app of <c>xent serve</c>. Routes: <c>GET /</c> the page for the state in the query (with <c>op=add</c> or
/// <c>op=remove-i</c>, a redirect to the changed state); <c>GET /view</c> the outputs alone, for the page's script;
/// <c>POST /compress</c> the compression panel for a pasted text; the script and the style sheet. It binds where it is told
/// (loopback by default, in the CLI), reads no configuration files, writes nothing to disk, and limits request sizes.
/// </summary>
public static class ExplorerServer
{
    /// <summary>The largest request body accepted (the pasted text, form-encoded).</summary>
    public const long MaxRequestBodyBytes = 512 * 1024;

    /// <summary>The longest request line (the state travels in the query string).</summary>
    public const int MaxRequestLineBytes = 32 * 1024;

    /// <summary>Builds the app, listening on <paramref name="host"/> (an IP address or "localhost") and <paramref name="port"/> (0: any free port).</summary>
    /// <exception cref="ArgumentException">The host is neither an IP address nor "localhost".</exception>
    public static WebApplication Create(string host, int port)
    {
        IPAddress? address = null;
        if (host != "localhost" && !IPAddress.TryParse(host, out address))
            throw new ArgumentException($"--host '{host}' is not an IP address (such as 127.0.0.1, ::1 or 0.0.0.0) or localhost.", nameof(host));
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            Args = [],
            // Not the user's working directory: an appsettings.json there must not configure this app.
            ContentRootPath = AppContext.BaseDirectory,
            EnvironmentName = "Production",
        });
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k =>
        {
            k.Limits.MaxRequestBodySize = MaxRequestBodyBytes;
            k.Limits.MaxRequestLineSize = MaxRequestLineBytes;
            k.Limits.MaxRequestHeadersTotalSize = MaxRequestLineBytes + 16 * 1024;
            k.AddServerHeader = false;
            if (address is null) k.ListenLocalhost(port);
            else k.Listen(address, port);
        });
        builder.Services.AddRazorComponents();
        // Keys in memory only: nothing under ~/.aspnet, and nothing this app renders needs them to outlive the process.
        builder.Services.AddDataProtection().UseEphemeralDataProtectionProvider();
        var app = builder.Build();
        app.Use(async (context, next) =>
        {
            context.Response.Headers["X-Content-Type-Options"] = "nosniff";
            context.Response.Headers["Content-Security-Policy"] = "default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:";
            await next(context);
        });

        app.MapGet("/", (HttpContext context) =>
        {
            var state = ExplorerState.Parse(context.Request.Query);
            if (context.Request.Query.TryGetValue("op", out var op))
            {
                string o = op.ToString();
                if (o == "add") state = state.AddOutcome();
                else if (o.StartsWith("remove-", StringComparison.Ordinal) && int.TryParse(o.AsSpan(7), out int i)) state = state.RemoveOutcome(i);
                if (state.Errors.Count == 0) return (IResult)TypedResults.Redirect("/?" + state.ToQuery());
            }
            var parameters = new Dictionary<string, object?> { ["Model"] = ExplorerModel.Compute(state) };
            return new RazorComponentResult<Page>(parameters);
        });
        var renderer = new HtmlRenderer(app.Services, app.Services.GetRequiredService<ILoggerFactory>());
        app.Lifetime.ApplicationStopped.Register(renderer.Dispose);
        app.MapGet("/view", async (HttpContext context) =>
        {
            // Rendered here rather than by a RazorComponentResult so that the Server-Timing header can say where a slider
            // move's time goes: computing the figures (the library) and rendering them.
            var clock = Stopwatch.StartNew();
            var model = ExplorerModel.Compute(ExplorerState.Parse(context.Request.Query));
            double computeMs = clock.Elapsed.TotalMilliseconds;
            string html = await renderer.Dispatcher.InvokeAsync(async () =>
                (await renderer.RenderComponentAsync<Outputs>(ParameterView.FromDictionary(new Dictionary<string, object?> { ["Model"] = model }))).ToHtmlString());
            double renderMs = clock.Elapsed.TotalMilliseconds - computeMs;
            context.Response.Headers["Server-Timing"] = string.Create(CultureInfo.InvariantCulture, $"model;dur={computeMs:F1}, render;dur={renderMs:F1}");
            return Results.Content(html, "text/html; charset=utf-8");
        });
        app.MapPost("/compress", async (HttpContext context) =>
        {
            string? message = null;
            CompressionView? view = null;
            try
            {
                if (!context.Request.HasFormContentType) message = "send the text as a form field named text.";
                else
                {
                    var form = await context.Request.ReadFormAsync(context.RequestAborted);
                    int order = int.TryParse(form["order"], out int k) ? k : 2;
                    (view, message) = await CompressionModel.ComputeAsync(form["text"].ToString(), order, context.RequestAborted);
                }
            }
            catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
            {
                message = $"The text is larger than the {MaxRequestBodyBytes / 1024} KiB a request may carry; the page measures at most {CompressionModel.MaxBytes / 1024} KiB.";
            }
            catch (InvalidDataException e)
            {
                message = "The form could not be read: " + e.Message;
            }
            return new RazorComponentResult<CompressionOutput>(new Dictionary<string, object?> { ["View"] = view, ["Message"] = message });
        });
        app.MapGet("/explorer.js", () => Asset("explorer.js", "text/javascript; charset=utf-8"));
        app.MapGet("/explorer.css", () => Asset("explorer.css", "text/css; charset=utf-8"));
        return app;
    }

    /// <summary>The first address the started app listens on, as a URL (port 0 resolved to the port taken).</summary>
    public static string Url(WebApplication app)
    {
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        return addresses.First().TrimEnd('/') + "/";
    }

    private static IResult Asset(string name, string contentType)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"the resource {name} is missing from the build.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return TypedResults.Bytes(copy.ToArray(), contentType);
    }
}
