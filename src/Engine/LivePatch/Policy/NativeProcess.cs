using System.Collections;
using System.Runtime.InteropServices;
using System.Text;
using Microsoft.Win32.SafeHandles;

namespace KlpCcp.Engine.LivePatch.Policy;

/// <summary>
/// Runs a program synchronously the way klp-ccp runs policy commands: <c>posix_spawn</c> of the
/// given path (no shell, no PATH lookup, so a script needs <c>#!</c>), standard input from
/// <c>/dev/null</c>, standard output and error captured completely through two pipes read
/// concurrently (no deadlock on large outputs), signal dispositions and mask reset to the
/// defaults, then <c>waitpid</c>. Unlike <see cref="System.Diagnostics.Process"/>, the raw wait
/// status tells an exit with status 128+N from death by signal N. Linux (glibc) only.
/// </summary>
internal static unsafe partial class NativeProcess
{
    /// <summary>How the program ended: <see cref="Signaled"/> false → exit status, true → signal number.</summary>
    internal readonly record struct Outcome(bool Signaled, int Code, byte[] Stdout, byte[] Stderr);

    private const string LibC = "libc.so.6";
    private const int O_RDONLY = 0;
    private const int O_CLOEXEC = 0x80000; // same value on x86_64 and aarch64
    private const short POSIX_SPAWN_SETSIGDEF = 0x04;
    private const short POSIX_SPAWN_SETSIGMASK = 0x08;
    private const int EINTR = 4;
    private const int ETXTBSY = 26;
    // opaque glibc types, with room to spare (actual sizes: 80, 336 and 128 bytes)
    private const int FileActionsSize = 256;
    private const int SpawnAttrSize = 1024;
    private const int SigSetSize = 256;

    /// <summary>Runs <paramref name="program"/> with <paramref name="argv"/>; null with <paramref name="osError"/> set on an OS error.</summary>
    public static Outcome? Run(string program, IReadOnlyList<string> argv, string workingDirectory, out string? osError)
    {
        osError = null;
        if (!OperatingSystem.IsLinux())
        {
            osError = "running policy commands is only supported on Linux";
            return null;
        }
        int* outPipe = stackalloc int[2];
        int* errPipe = stackalloc int[2];
        if (pipe2(outPipe, O_CLOEXEC) != 0)
        {
            osError = $"pipe2(): {Marshal.GetPInvokeErrorMessage(Marshal.GetLastPInvokeError())}";
            return null;
        }
        if (pipe2(errPipe, O_CLOEXEC) != 0)
        {
            osError = $"pipe2(): {Marshal.GetPInvokeErrorMessage(Marshal.GetLastPInvokeError())}";
            close(outPipe[0]);
            close(outPipe[1]);
            return null;
        }

        // ETXTBSY: a file just written may still be open for writing in a child that another thread
        // forked before it was closed (the fd leaks until that child's exec); it passes quickly
        int rc, pid;
        for (var attempt = 0; ; attempt++)
        {
            rc = Spawn(program, argv, workingDirectory, outPipe[1], errPipe[1], out pid);
            if (rc != ETXTBSY || attempt == 20) break;
            Thread.Sleep(5 * (attempt + 1));
        }
        close(outPipe[1]);
        close(errPipe[1]);
        if (rc != 0)
        {
            close(outPipe[0]);
            close(errPipe[0]);
            osError = Marshal.GetPInvokeErrorMessage(rc);
            return null;
        }

        // both pipes drained concurrently, so a child filling one while we block on the other cannot hang us
        var errTask = Task.Factory.StartNew(() => ReadAll(errPipe[0]), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        var stdout = ReadAll(outPipe[0]);
        var stderr = errTask.GetAwaiter().GetResult();

        int status;
        while (true)
        {
            var r = waitpid(pid, &status, 0);
            if (r == pid) break;
            var errno = Marshal.GetLastPInvokeError();
            if (r < 0 && errno == EINTR) continue;
            osError = $"waitpid(): {Marshal.GetPInvokeErrorMessage(errno)}";
            return null;
        }
        var termSig = status & 0x7f;
        return termSig == 0
            ? new Outcome(false, (status >> 8) & 0xff, stdout, stderr)
            : new Outcome(true, termSig, stdout, stderr);
    }

    private static byte[] ReadAll(int fd)
    {
        using var stream = new FileStream(new SafeFileHandle(fd, ownsHandle: true), FileAccess.Read, bufferSize: 0);
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return buffer.ToArray();
    }

    private static int Spawn(string program, IReadOnlyList<string> argv, string workingDirectory, int stdoutFd, int stderrFd, out int pid)
    {
        pid = 0;
        var fileActions = NativeMemory.AllocZeroed(FileActionsSize);
        var attr = NativeMemory.AllocZeroed(SpawnAttrSize);
        var sigs = NativeMemory.AllocZeroed(SigSetSize);
        var strings = new List<nint>();
        try
        {
            var rc = posix_spawn_file_actions_init(fileActions);
            if (rc != 0) return rc;
            try
            {
                if ((rc = posix_spawn_file_actions_addopen(fileActions, 0, "/dev/null", O_RDONLY, 0)) != 0) return rc;
                if ((rc = posix_spawn_file_actions_adddup2(fileActions, stdoutFd, 1)) != 0) return rc;
                if ((rc = posix_spawn_file_actions_adddup2(fileActions, stderrFd, 2)) != 0) return rc;
                if ((rc = posix_spawn_file_actions_addchdir_np(fileActions, workingDirectory)) != 0) return rc;
                if ((rc = posix_spawnattr_init(attr)) != 0) return rc;
                try
                {
                    // the runtime ignores SIGPIPE and blocks nothing we know of; the child starts clean
                    sigfillset(sigs);
                    if ((rc = posix_spawnattr_setsigdefault(attr, sigs)) != 0) return rc;
                    sigemptyset(sigs);
                    if ((rc = posix_spawnattr_setsigmask(attr, sigs)) != 0) return rc;
                    if ((rc = posix_spawnattr_setflags(attr, POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK)) != 0) return rc;

                    var argvBlock = NullTerminated(argv, strings);
                    var envBlock = NullTerminated(Environment(), strings);
                    int child;
                    rc = posix_spawn(&child, program, fileActions, attr, argvBlock, envBlock);
                    pid = child;
                    return rc;
                }
                finally
                {
                    posix_spawnattr_destroy(attr);
                }
            }
            finally
            {
                posix_spawn_file_actions_destroy(fileActions);
            }
        }
        finally
        {
            foreach (var p in strings) NativeMemory.Free((void*)p);
            NativeMemory.Free(fileActions);
            NativeMemory.Free(attr);
            NativeMemory.Free(sigs);
        }
    }

    private static List<string> Environment()
    {
        var env = new List<string>();
        foreach (DictionaryEntry e in System.Environment.GetEnvironmentVariables())
            env.Add($"{e.Key}={e.Value}");
        return env;
    }

    /// <summary>A <c>char *[]</c> ending in NULL; every allocation is recorded in <paramref name="owned"/>.</summary>
    private static byte** NullTerminated(IReadOnlyList<string> items, List<nint> owned)
    {
        var block = (byte**)NativeMemory.AllocZeroed((nuint)(items.Count + 1), (nuint)sizeof(byte*));
        owned.Add((nint)block);
        for (var i = 0; i < items.Count; i++)
        {
            var bytes = Encoding.UTF8.GetBytes(items[i]);
            var s = (byte*)NativeMemory.Alloc((nuint)bytes.Length + 1);
            owned.Add((nint)s);
            bytes.CopyTo(new Span<byte>(s, bytes.Length));
            s[bytes.Length] = 0;
            block[i] = s;
        }
        return block;
    }

    [LibraryImport(LibC, SetLastError = true)]
    private static partial int pipe2(int* fds, int flags);

    [LibraryImport(LibC, SetLastError = true)]
    private static partial int close(int fd);

    [LibraryImport(LibC, SetLastError = true)]
    private static partial int waitpid(int pid, int* status, int options);

    [LibraryImport(LibC, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int posix_spawn(int* pid, string path, void* fileActions, void* attr, byte** argv, byte** envp);

    [LibraryImport(LibC)]
    private static partial int posix_spawn_file_actions_init(void* fileActions);

    [LibraryImport(LibC)]
    private static partial int posix_spawn_file_actions_destroy(void* fileActions);

    [LibraryImport(LibC, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int posix_spawn_file_actions_addopen(void* fileActions, int fd, string path, int oflag, uint mode);

    [LibraryImport(LibC)]
    private static partial int posix_spawn_file_actions_adddup2(void* fileActions, int fd, int newFd);

    [LibraryImport(LibC, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int posix_spawn_file_actions_addchdir_np(void* fileActions, string path);

    [LibraryImport(LibC)]
    private static partial int posix_spawnattr_init(void* attr);

    [LibraryImport(LibC)]
    private static partial int posix_spawnattr_destroy(void* attr);

    [LibraryImport(LibC)]
    private static partial int posix_spawnattr_setflags(void* attr, short flags);

    [LibraryImport(LibC)]
    private static partial int posix_spawnattr_setsigdefault(void* attr, void* sigset);

    [LibraryImport(LibC)]
    private static partial int posix_spawnattr_setsigmask(void* attr, void* sigset);

    [LibraryImport(LibC)]
    private static partial int sigfillset(void* sigset);

    [LibraryImport(LibC)]
    private static partial int sigemptyset(void* sigset);
}
