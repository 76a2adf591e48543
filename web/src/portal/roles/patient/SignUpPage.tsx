export default function SignUpPage() {
  return <h1>Sign up</h1>;
}
