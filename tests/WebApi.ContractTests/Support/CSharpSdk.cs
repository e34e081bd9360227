using System.Reflection;
using System.Runtime.Loader;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using NJsonSchema.CodeGeneration.CSharp;
using NSwag;
using NSwag.CodeGeneration.CSharp;
using NSwag.CodeGeneration.OperationNameGenerators;

namespace RyzeApi.WebApi.ContractTests.Support;

/// <summary>What an SDK team does with the committed document: generate a C# client with NSwag, then
/// compile it, together with code that uses it, as a library of its own.</summary>
public static class CSharpSdk
{
    public const string Namespace = "RyzeApi.Sdk";

    public static async Task<string> GenerateAsync(string documentPath)
    {
        var document = await OpenApiDocument.FromFileAsync(documentPath);
        var settings = new CSharpClientGeneratorSettings
        {
            ClassName = "RyzeApiClient",
            ExceptionClass = "RyzeApiException",
            GenerateClientInterfaces = true,
            // The base address comes from the HttpClient, as with IHttpClientFactory.
            UseBaseUrl = false,
            // One client whose methods are named after the operationIds (ActivateChatwootAsync, …).
            OperationNameGenerator = new SingleClientFromOperationIdOperationNameGenerator(),
        };
        settings.CSharpGeneratorSettings.Namespace = Namespace;
        settings.CSharpGeneratorSettings.JsonLibrary = CSharpJsonLibrary.SystemTextJson;
        settings.CSharpGeneratorSettings.GenerateNullableReferenceTypes = true;
        return new CSharpClientGenerator(document, settings).GenerateFile();
    }

    /// <summary>Compiles the sources into an assembly loaded in a context of its own; fails the test with
    /// the compiler's errors, file and line included, when they do not compile.</summary>
    public static Assembly Compile(IReadOnlyDictionary<string, string> sources)
    {
        var trees = sources.Select(s => CSharpSyntaxTree.ParseText(s.Value, new CSharpParseOptions(LanguageVersion.Latest), s.Key));
        var references = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!)
            .Split(Path.PathSeparator)
            .Select(path => MetadataReference.CreateFromFile(path));
        var compilation = CSharpCompilation.Create(
            Namespace,
            trees,
            references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

        using var image = new MemoryStream();
        var result = compilation.Emit(image);
        var errors = result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Select(d => d.ToString()).ToList();
        Assert.That(result.Success && errors.Count == 0, Is.True, "The SDK does not compile:\n" + string.Join('\n', errors.Take(30)));
        image.Position = 0;
        return new AssemblyLoadContext(Namespace, isCollectible: true).LoadFromStream(image);
    }

    /// <summary>The text of an embedded SdkConsumer file.</summary>
    public static string Consumer(string fileName)
    {
        var assembly = typeof(CSharpSdk).Assembly;
        var name = assembly.GetManifestResourceNames().Single(n => n.EndsWith("SdkConsumer." + fileName, StringComparison.Ordinal));
        using var reader = new StreamReader(assembly.GetManifestResourceStream(name)!);
        return reader.ReadToEnd();
    }
}
