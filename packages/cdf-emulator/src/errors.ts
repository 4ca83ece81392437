/** The emulator's own error for bad options (fault specs, limits): a message meant for the person starting it. */
export class EmulatorError extends Error {
  override readonly name = 'EmulatorError';
}
