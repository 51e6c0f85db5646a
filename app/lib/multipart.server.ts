import {
  MaxPartSizeExceededError,
  unstable_composeUploadHandlers,
  unstable_createMemoryUploadHandler,
  unstable_parseMultipartFormData,
  type UploadHandler,
} from "@remix-run/node";
import { AppError } from "./errors";

/**
 * Reading a form that may carry files — the one multipart parser of the portal. Text parts (and
 * small files) are kept in memory, each up to `maxPartBytes`; `fileHandler` may take file parts
 * first (the streamed factor upload writes them to disk). Past the limit the request is refused as
 * too large with `tooLargeMessage`. A body that is not multipart is read as a plain form, or
 * refused with `requireMultipart` when the form must carry a file.
 */
export async function readForm(
  request: Request,
  options: { maxPartBytes: number; tooLargeMessage: string; fileHandler?: UploadHandler; requireMultipart?: string },
): Promise<FormData> {
  if (!(request.headers.get("Content-Type") ?? "").startsWith("multipart/form-data")) {
    if (options.requireMultipart) throw new AppError("invalid", options.requireMultipart);
    return request.formData();
  }
  const memory = unstable_createMemoryUploadHandler({ maxPartSize: options.maxPartBytes });
  try {
    return await unstable_parseMultipartFormData(request, options.fileHandler ? unstable_composeUploadHandlers(options.fileHandler, memory) : memory);
  } catch (error) {
    if (error instanceof MaxPartSizeExceededError) throw new AppError("too-large", options.tooLargeMessage);
    // A body announced as multipart that is not (no boundary, truncated).
    if (options.requireMultipart && error instanceof TypeError && /FormData/i.test(error.message)) throw new AppError("invalid", options.requireMultipart);
    throw error;
  }
}
