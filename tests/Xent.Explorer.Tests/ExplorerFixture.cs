using Microsoft.AspNetCore.Builder;
using Microsoft.Playwright;

namespace Xent.Explorer.Tests;

/// <summary>
/// One explorer server (in-process, on a free loopback port) and one headless Chromium for every browser test. The browser
/// is Debian's /usr/bin/chromium (or XENT_CHROMIUM): Playwright's own browser download is never used. Without a browser the
/// tests are reported as skipped with <see cref="SkipReason"/>, never as passed.
/// </summary>
public sealed class ExplorerFixture : IAsyncLifetime
{
    public const string DefaultChromium = "/usr/bin/chromium";

    private WebApplication? _app;
    private IPlaywright? _playwright;

    public string BaseUrl { get; private set; } = "";

    public HttpClient Http { get; } = new();

    public IBrowser? Browser { get; private set; }

    /// <summary>Why the browser tests cannot run here, or null.</summary>
    public string? SkipReason { get; private set; }

    public async Task InitializeAsync()
    {
        _app = ExplorerServer.Create("127.0.0.1", 0);
        await _app.StartAsync();
        BaseUrl = ExplorerServer.Url(_app);
        Http.BaseAddress = new Uri(BaseUrl);

        string chromium = Environment.GetEnvironmentVariable("XENT_CHROMIUM") is { Length: > 0 } path ? path : DefaultChromium;
        if (!File.Exists(chromium))
        {
            SkipReason = $"no Chromium at {chromium}: install it (apt-get install -y chromium, as ./test does) or set XENT_CHROMIUM.";
            return;
        }
        Environment.SetEnvironmentVariable("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
        try
        {
            _playwright = await Playwright.CreateAsync();
            Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = chromium, Headless = true, Args = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"],
            });
        }
        catch (PlaywrightException e)
        {
            SkipReason = $"Chromium at {chromium} did not start under Playwright: {e.Message.Split('\n')[0]}";
        }
    }

    /// <summary>A fresh page (own context) at a laptop's width.</summary>
    public async Task<IPage> NewPageAsync(int width = 1280, int height = 900)
    {
        Skip.If(SkipReason is not null, SkipReason);
        var context = await Browser!.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = width, Height = height } });
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(15_000);
        return page;
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.DisposeAsync();
        _playwright?.Dispose();
        Http.Dispose();
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
    }
}

[CollectionDefinition(Name)]
public sealed class ExplorerCollection : ICollectionFixture<ExplorerFixture>
{
    public const string Name = "explorer";
}
